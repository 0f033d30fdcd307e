$d1024_direct << EOD
1 7976.425 0.216
16 34741.03 1.526
64 47794.335 3.613
EOD
$d1024_proxy_pair << EOD
1 3170.807 0.471
16 7979.583 3.785
64 10071.005 11.785
EOD
$d1024_relay_pair << EOD
1 1987.876 0.674
16 11767.122 2.699
64 16318.726 7.163
EOD
$d1024_gateway_pair << EOD
1 525.295 4.656
16 3230.621 12.922
64 4168.86 26.04
EOD
$d65536_direct << EOD
1 1772.247 1.104
16 3343.194 8.336
64 2843.428 37.389
EOD
$d65536_proxy_pair << EOD
1 815.772 1.966
16 1464.133 17.568
64 1568.068 67.029
EOD
$d65536_relay_pair << EOD
1 630.837 2.5
16 1299.103 19.735
64 1433.995 67.627
EOD
$d65536_gateway_pair << EOD
1 280.601 6.279
16 714.659 36.83
64 750.15 139.522
EOD
$d1048576_direct << EOD
1 138.33 15.348
16 176.281 171.999
64 183.927 682.036
EOD
$d1048576_proxy_pair << EOD
1 67.294 24.356
16 100.247 222.625
64 113.303 749.987
EOD
$d1048576_relay_pair << EOD
1 66.959 25.998
16 79.909 277.769
64 83.482 866.806
EOD
$d1048576_gateway_pair << EOD
1 39.679 42.528
16 63.617 396.656
64 57.889 1989.381
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run3/benchmark-dotnet.png'
set multiplot layout 3,2 title 'ExchangeGateway benchmark, dotnet (medians)'
set logscale x 2
set xrange [0.8:80]
set xtics (1, 16, 64)
set xlabel 'concurrent calls'
set grid
set key top left
set title 'throughput, 1 KiB'
set ylabel 'requests/s'
set logscale y
plot $d1024_direct using 1:2 with linespoints title 'direct', $d1024_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:2 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 KiB'
set ylabel 'ms'
plot $d1024_direct using 1:3 with linespoints title 'direct', $d1024_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:3 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 64 KiB'
set ylabel 'requests/s'
set logscale y
plot $d65536_direct using 1:2 with linespoints title 'direct', $d65536_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:2 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 64 KiB'
set ylabel 'ms'
plot $d65536_direct using 1:3 with linespoints title 'direct', $d65536_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:3 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 1 MiB'
set ylabel 'requests/s'
set logscale y
plot $d1048576_direct using 1:2 with linespoints title 'direct', $d1048576_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:2 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 MiB'
set ylabel 'ms'
plot $d1048576_direct using 1:3 with linespoints title 'direct', $d1048576_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:3 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
unset multiplot
